kyodoSearch("f/modes/kyoryoku","gA");
