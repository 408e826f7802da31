#!/bin/bash
set -u
echo "config in $HOME/.greetrc"
