kyodoSearch("f/fields/kankyo","iy");
