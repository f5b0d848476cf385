kyodoSearch("f/fields/kankyo","i2");
