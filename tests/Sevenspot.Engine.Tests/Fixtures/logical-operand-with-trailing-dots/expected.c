struct page *f(int flags, struct folio *folio)
{
	if ((flags & HEAD) || !folio || is_value(folio))
		return NULL;
	if (!folio || is_value(folio))
		return NULL;
	if (a || (!folio && c) || d)
		return NULL;
	if (c && !folio)
		return NULL;
	if ((a || !folio) || b)
		return &folio->page;
	if (a || f(!folio))
		return &folio->page;
	if (a && !folio)
		return NULL;
	if (folio == NULL || a)
		return folio->next;
	if (a || b || folio == NULL)
		return NULL;
	if (folio == NULL)
		return folio->next;
	return folio_file_page(folio);
}
