void g(int x)
{
	some_function_call(first_argument, second_argument, old_value, fourth_argument, fifth);
}
