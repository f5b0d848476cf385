kyodoSearch("f/fields/fukushi","ho");
