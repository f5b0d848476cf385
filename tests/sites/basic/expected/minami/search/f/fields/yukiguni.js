kyodoSearch("f/fields/yukiguni","QZQ");
