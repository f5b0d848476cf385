kyodoSearch("f/modes/koen","hw");
