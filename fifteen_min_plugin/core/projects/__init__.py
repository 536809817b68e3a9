"""The project list (项目清单): projects with their site, money, lead unit and status, and their history."""
