int main(int x, int y) {
	if (x == NULL) one(); else two();
	if (x != NULL) three(); else four();
	if (!y) five(); else six();
	if (y) seven(); else eight();
	if (y > 1) nine(); else ten();
}
