int g(struct dev *priv, int i)
{
	struct desc *desc;
	if (desc->info == NULL) {
		while (i--) {
			desc = &priv->rings[i];
			kfree(desc->info);
		}
		return -1;
	}
	return 0;
}
int h(struct dev *priv, int i)
{
	struct desc *desc;
	if (desc->info == NULL) {
		while (i--) {
		}
		return -1;
	}
	return 0;
}
