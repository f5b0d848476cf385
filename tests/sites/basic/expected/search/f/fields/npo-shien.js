kyodoSearch("f/fields/npo-shien","h0");
