kyodoSearch("f/fields/kankyo","i0");
