"""Reads of the network plugin, one module per concept (``directory``, …); listings cost a fixed
number of queries whatever their length."""
