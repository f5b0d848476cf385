kyodoSearch("f/actors/kigyo","gA");
