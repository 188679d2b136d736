BPF_CALL_2(bpf_op, struct bpf_map *, map, void *, key)
{
	lock();
	work(map, key);
	unlock();
	return 0;
}

FOO(struct bpf_map *map, void *key)
{
	lock();
	work(map, key);
	unlock();
	return 0;
}
