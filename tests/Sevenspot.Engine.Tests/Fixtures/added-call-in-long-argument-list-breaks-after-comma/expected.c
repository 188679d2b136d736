void g(int x)
{
	some_function_call(first_argument, second_argument,
			   new_value_with_a_considerably_longer_name(dev, priv),
			   fourth_argument, fifth);
}
