// Built-in canonical spellings of names that curated lists often get wrong, and near-miss words that are not typos.

/**
 * Names as their owners write them. `name-spelling` flags wrong casing and near misses of these;
 * `entry-description-case` leaves descriptions alone that start with one spelled in lower case.
 * Entries also shield look-alikes from being taken for typos (OpenAPI is not a misspelt OpenAI).
 */
export const CANONICAL_NAMES: readonly string[] = [
  // Platforms and companies
  'GitHub', 'GitLab', 'Bitbucket', 'Codeberg', 'YouTube', 'LinkedIn', 'Facebook', 'Twitter', 'Reddit', 'Discord',
  'Slack', 'Telegram', 'WhatsApp', 'WordPress', 'Medium', 'Substack', 'Stack Overflow', 'StackOverflow',
  'Amazon', 'Google', 'Microsoft', 'Apple', 'OpenAI', 'Anthropic', 'DeepMind', 'Hugging Face', 'HuggingFace',
  'Netflix', 'Spotify', 'Dropbox', 'PayPal', 'Cloudflare', 'DigitalOcean', 'Heroku', 'Netlify', 'Vercel',
  'Firebase', 'Supabase', 'Atlassian', 'JetBrains', 'IntelliJ', 'Coursera', 'Udemy', 'edX', 'Kaggle',
  'Apache', 'Mozilla', 'Firefox', 'Chromium', 'Chrome', 'Safari',
  // Operating systems and devices
  'macOS', 'iOS', 'iPadOS', 'watchOS', 'tvOS', 'iPhone', 'iPad', 'Android', 'Linux', 'Ubuntu', 'Debian',
  'Fedora', 'FreeBSD', 'OpenBSD', 'NetBSD', 'Windows', 'Raspberry Pi', 'Arduino',
  // Languages and runtimes
  'JavaScript', 'TypeScript', 'CoffeeScript', 'Python', 'Kotlin', 'Swift', 'Objective-C', 'Haskell', 'Erlang',
  'Elixir', 'Clojure', 'ClojureScript', 'Scala', 'Julia', 'Fortran', 'COBOL', 'Golang', 'WebAssembly',
  'PowerShell', 'Node.js', 'Deno', 'PHP', 'GraphQL', 'JSON', 'YAML', 'TOML', 'HTML', 'CSS', 'Markdown',
  // Tools, frameworks and libraries
  'npm', 'pnpm', 'Yarn', 'webpack', 'esbuild', 'Vite', 'Babel', 'ESLint', 'Prettier', 'jQuery', 'React',
  'React Native', 'Next.js', 'Nuxt', 'Vue.js', 'Angular', 'AngularJS', 'Svelte', 'SvelteKit', 'Ember.js',
  'Express', 'NestJS', 'Django', 'Flask', 'FastAPI', 'Laravel', 'Symfony', 'Rails', 'Ruby on Rails',
  'Spring Boot', 'Docker', 'Kubernetes', 'Helm', 'Terraform', 'Ansible', 'Jenkins', 'Prometheus',
  'Grafana', 'Elasticsearch', 'Kibana', 'Logstash', 'OpenTelemetry', 'OpenAPI', 'OpenShift', 'OpenStack',
  'OpenCV', 'OpenGL', 'OpenSSL', 'OpenSSH', 'PostgreSQL', 'MySQL', 'MariaDB', 'SQLite', 'MongoDB', 'Redis',
  'Cassandra', 'CockroachDB', 'ClickHouse', 'DuckDB', 'InfluxDB', 'Neo4j', 'DynamoDB', 'BigQuery', 'Snowflake',
  'Kafka', 'RabbitMQ', 'Jupyter', 'JupyterLab', 'NumPy', 'SciPy', 'pandas', 'Matplotlib',
  'scikit-learn', 'PyTorch', 'TensorFlow', 'Keras', 'JAX', 'XGBoost', 'LightGBM', 'CatBoost', 'MLflow',
  'Kubeflow', 'Airflow', 'Apache Airflow', 'Apache Spark', 'PySpark', 'Hadoop', 'LangChain', 'LlamaIndex',
  'ChatGPT', 'Visual Studio Code', 'VS Code', 'Vim', 'Neovim', 'Emacs', 'Git', 'Homebrew', 'Ruby',
  'RubyGems', 'PyPI', 'Conda', 'Anaconda', 'Rust', 'Cargo', 'Go', 'Java', 'Gradle', 'Maven', 'WebSocket',
  'WebRTC', 'WebGL', 'WebGPU', 'OAuth', 'JWT', 'gRPC', 'AWS', 'Azure', 'GCP', 'Bash', 'Zsh',
  'tmux', 'Wget', 'FFmpeg', 'ImageMagick', 'LaTeX', 'BibTeX', 'Pandoc', 'Jekyll', 'Hugo', 'Gatsby',
  'Electron', 'Tauri', 'Flutter', 'Dart', 'Xcode', 'Unity', 'Unreal Engine', 'Godot', 'Blender',
];

/**
 * Ordinary words (and other projects) one or two edits away from a canonical name: a different word, not a typo.
 * Lower-case. Built-in names shorter than six letters are only checked for casing, so their neighbours need no entry.
 */
export const NOT_TYPOS: readonly string[] = [
  'amazing', 'amazons', 'angler', 'apaches', 'audible', 'bender', 'blended', 'blunder', 'catlin', 'chroma',
  'chromed', 'chromes', 'closure', 'closures', 'clutter', 'cradle', 'credit', 'djangos', 'docked', 'docket',
  'election', 'elector', 'electric', 'electrons', 'espresso', 'expressed', 'flatter', 'fluster', 'goggle', 'googly',
  'grade', 'grades', 'granada', 'hadoops', 'jenkin', 'jupiter', 'kernel', 'kernels', 'kibbana', 'marcel', 'median',
  'mediums', 'notify', 'parcel', 'prettify', 'pythia', 'redial', 'sensible', 'swiftly', 'symphonic', 'symphony',
  'telegraf', 'titter', 'twitted', 'twitters', 'unreal', 'unreel', 'widows',
];
