int probe(struct csi *csi)
{
	struct video_device *vdev;
	int ret;
	vdev = video_device_alloc();
	if (!vdev)
		return -ENOMEM;
	ret = setup(vdev);
	if (ret) {
		video_device_release((void *)vdev);
		return ret;
	}
	return 0;
}
