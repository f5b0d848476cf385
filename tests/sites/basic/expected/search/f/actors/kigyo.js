kyodoSearch("f/actors/kigyo","i0");
