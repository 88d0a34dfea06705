"""Audio for recordings: the loudness meter, the pipeline, where recordings live."""
