kyodoSearch("f/actors/shimin","gw");
