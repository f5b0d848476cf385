kyodoSearch("f/modes/kyoryoku","QnQ");
