kyodoSearch("f/actors/jichikai","gw");
