kyodoSearch("f/actors/kigyo","i2");
