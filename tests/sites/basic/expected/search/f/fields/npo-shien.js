kyodoSearch("f/fields/npo-shien","io");
