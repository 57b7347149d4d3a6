"""`python -m liveavatar_server`: the same CLI as `liveavatar-server`."""

from liveavatar_server._entry import main

raise SystemExit(main())
