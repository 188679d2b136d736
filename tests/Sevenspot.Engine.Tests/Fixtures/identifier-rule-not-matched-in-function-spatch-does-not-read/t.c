BPF_CALL_1(bpf_one, struct sk_buff *, skb)
{
	return old_helper(skb);
}

int two(struct sk_buff *skb)
{
	return old_helper(skb);
}
