kyodoSearch("f/actors/kigyo","iy");
