kyodoSearch("f/modes/koen","ho");
