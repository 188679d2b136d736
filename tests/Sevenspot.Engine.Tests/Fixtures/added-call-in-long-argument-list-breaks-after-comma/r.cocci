@@
@@
- old_value
+ new_value_with_a_considerably_longer_name(dev, priv)
