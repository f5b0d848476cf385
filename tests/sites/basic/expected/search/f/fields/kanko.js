kyodoSearch("f/fields/kanko","QOA");
