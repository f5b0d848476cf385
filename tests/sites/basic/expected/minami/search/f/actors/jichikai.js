kyodoSearch("f/actors/jichikai","ho");
