void f() {
    D0(0);
    D3(0);
    D3(0);
    return;
}

void g() {
    int x;
    D3(0);
    D0(0);
    D3(0);
    use(x);
}
