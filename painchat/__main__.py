import sys

from painchat.cli import main

sys.exit(main())
