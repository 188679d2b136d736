int f(int x) {
    buf = foo(malloc(1
                     
#if X
 + 2
                     
#endif
), 4);
    return malloc(x
                  
#ifdef CONFIG_A
 + 1
                  
#endif

                  
#ifndef CONFIG_B
 + 2
                  
#endif
);
}
