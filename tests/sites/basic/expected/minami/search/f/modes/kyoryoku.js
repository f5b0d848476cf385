kyodoSearch("f/modes/kyoryoku","ho");
