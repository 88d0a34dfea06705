"""The chips of the home: what they mean, how they are saved, checked and edited."""
