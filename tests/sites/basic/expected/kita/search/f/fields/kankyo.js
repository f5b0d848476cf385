kyodoSearch("f/fields/kankyo","gA");
