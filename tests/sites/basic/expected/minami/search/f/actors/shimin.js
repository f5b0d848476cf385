kyodoSearch("f/actors/shimin","ho");
