int main(int x, int y) {
}
