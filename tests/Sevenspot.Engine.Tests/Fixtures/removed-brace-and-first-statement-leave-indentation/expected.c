int f(int r)
{
	if (r)
		
		bar(2);
	while (r)
		

		bar(4);
	if (r)
		bar(6);
	return 0;
}
