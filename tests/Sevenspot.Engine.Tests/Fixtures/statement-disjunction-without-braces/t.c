void g(struct folio *folio)
{
	if (folio == NULL)
		foo(folio);
	if (folio == NULL) {
		foo(folio);
	}
	if (folio == NULL)
		return folio->page;
	if (folio == NULL)
		one(folio);
	if (folio == NULL) {
		one(folio);
	}
}
