int g() {
    buf = alloca(3 /* one */ + 5);
    buf = alloca(3 + /* two */ 5);
}
int h() {
    buf = alloca(3
#ifdef A
      + 5
#endif
    );
    buf = alloca(3
#ifdef B
      + 5
#endif
    );
}
int i() {
    buf = alloca(3
#ifdef A
      + 5
#endif
    );
    buf = alloca(3 + 5);
}
int j() {
    buf = alloca(n
#if defined(A)
      * 2
#endif
    );
    buf = alloca(n
#if defined(A)
      * 2
#endif
    );
}
