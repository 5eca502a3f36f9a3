import sys

from inspector_app.cli.main import main

sys.exit(main())
