void f1(void) { spin_lock(&a->l); a = g(); spin_lock(&a->l); }
void f2(void) { spin_lock(&a->l); b = g(); spin_lock(&a->l); }
void f3(void) { spin_lock(&a->l); foo(&a); spin_lock(&a->l); }
void f4(void) { spin_lock(&a->l); foo(&b); spin_lock(&a->l); }
void f5(void) { spin_lock(&a->l); a->l = 1; spin_lock(&a->l); }
void f6(void) { spin_lock(&a->l); foo(&a->l2); spin_lock(&a->l); }
void f7(void) { spin_lock(&a->l); l = 3; spin_lock(&a->l); }
void f8(void) { spin_lock(&a[i]); i = 3; spin_lock(&a[i]); }
void f9(void) { spin_lock(&a[i]); a[i] = 3; spin_lock(&a[i]); }
void f10(void) { spin_lock(&a[i+1]); j = i+1; spin_lock(&a[i+1]); }
void f11(void) { spin_lock(&a[i+1]); (i+1) = 3; spin_lock(&a[i+1]); }
void f12(void) { spin_lock(&a[(i)]); (i) = 3; spin_lock(&a[(i)]); }
void f13(void) { spin_lock(&a[(i)]); i = 3; spin_lock(&a[(i)]); }

void f14(struct inode *inode)
{
restart:
	spin_lock(&EXT4_SB(inode->i_sb)->s_fc_lock);
	if (list_empty(&ei->i_fc_list))
		goto out;
	if (ext4_test_inode_state(inode, EXT4_STATE_FC_COMMITTING)) {
		ext4_fc_wait_committing_inode(inode);
		goto restart;
	}
out:
	atomic_inc(&ei->i_fc_updates);
	spin_unlock(&EXT4_SB(inode->i_sb)->s_fc_lock);
}
