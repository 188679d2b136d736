/* GNU case ranges. */
static int classify(int c)
{
	switch (c) {
	case '0' ... '9':
		return DIGIT;
	case 'a' ... 'z':
	case 'A' ... 'Z':
		return LETTER;
	case 1 ... 5:
		break;
	default:
		return OTHER;
	}
	return 0;
}
