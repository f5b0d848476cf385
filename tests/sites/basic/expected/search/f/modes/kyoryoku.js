kyodoSearch("f/modes/kyoryoku","QnY");
