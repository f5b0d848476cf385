kyodoSearch("f/fields/fukushi","gw");
