int f(int a, int b, int c)
{
	int x = a <? b;
	int y = a >? b;
	x <?= c;
	y >?= c;
	return (a <? b) + (b >? c) + a <? b <? c;
}
