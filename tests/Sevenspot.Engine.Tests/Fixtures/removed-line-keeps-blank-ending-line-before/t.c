int f1(void) { 
	foo();
	bar();
}
int g(void) {	
	foo();
}
int h(int x) {
	if (x) { 
		foo();
	}
	while (x) { /* c */ 
		foo();
		bar();
	}
}
int f1(void) {
	bar(); 
	foo();
	bar();
}
int g(void) {
	bar();
	foo(); 
	bar(); 
}
int k(void) {
	bar();
	foo();  
}
int m(int x) {
	x = 1; foo();
	if (x) { foo(); }
	if (x) { foo(); 
		bar();
	}
	bar(); /* keep */ 
	foo();
}
