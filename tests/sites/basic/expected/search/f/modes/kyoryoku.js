kyodoSearch("f/modes/kyoryoku","QlQ");
