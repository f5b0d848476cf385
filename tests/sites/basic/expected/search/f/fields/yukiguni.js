kyodoSearch("f/fields/yukiguni","QbQ");
